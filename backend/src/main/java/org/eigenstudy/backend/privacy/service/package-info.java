/** Withdrawal codes, deletion and retention rules. */
package org.eigenstudy.backend.privacy.service;

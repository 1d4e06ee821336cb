/** Withdrawals (participant API) and deletions (researcher API). */
package org.eigenstudy.backend.privacy.rest;

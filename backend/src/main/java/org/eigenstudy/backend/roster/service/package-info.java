/** The roster's rules: who may see ids, what an exclusion needs, what each payout file holds. */
package org.eigenstudy.backend.roster.service;

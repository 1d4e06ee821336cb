/** Deleting sessions, the deletion log and pseudonymising ids, in SQL. */
package org.eigenstudy.backend.privacy.store;

/** What the recruitment texts need of a study version, read from the studies table. */
package org.eigenstudy.backend.recruitment.store;

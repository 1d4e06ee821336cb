/** The researcher API of the recruitment helpers. */
package org.eigenstudy.backend.recruitment.rest;

/** Building the recruitment texts (the ExternalQuestion XML, the Prolific URLs) for a study. */
package org.eigenstudy.backend.recruitment.service;

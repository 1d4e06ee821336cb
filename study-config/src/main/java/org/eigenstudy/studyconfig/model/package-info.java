/**
 * The typed study config: immutable records and {@link org.eigenstudy.studyconfig.model.ConfigEnum}
 * enums, including {@link org.eigenstudy.studyconfig.model.AxisClass}, the one definition of the
 * axis classes and their order for every module. Depends on nothing but Jackson annotations (the
 * enums' JSON names).
 */
package org.eigenstudy.studyconfig.model;

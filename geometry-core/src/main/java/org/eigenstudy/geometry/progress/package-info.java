/**
 * The callback long-running work reports progress through; the CLI draws its bar from it. Depends
 * on nothing.
 */
package org.eigenstudy.geometry.progress;

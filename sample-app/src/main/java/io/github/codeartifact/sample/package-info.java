/**
 * The sample application.
 */
@NullMarked
package io.github.codeartifact.sample;

import org.jspecify.annotations.NullMarked;

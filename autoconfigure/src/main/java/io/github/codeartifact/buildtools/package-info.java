/**
 * Build tools run by the application: a session per process hands {@code mvn}, {@code gradle},
 * {@code npm}, {@code pip} and {@code twine} a token that outlives the run, through environment
 * variables and generated configuration files in a private directory.
 */
@NullMarked
package io.github.codeartifact.buildtools;

import org.jspecify.annotations.NullMarked;

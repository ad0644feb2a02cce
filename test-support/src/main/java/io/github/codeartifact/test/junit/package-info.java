/**
 * JUnit Jupiter support: a {@link io.github.codeartifact.test.CodeArtifactEmulator} for each
 * test, without Spring.
 *
 * @see io.github.codeartifact.test.junit.CodeArtifactEmulatorExtension
 */
@NullMarked
package io.github.codeartifact.test.junit;

import org.jspecify.annotations.NullMarked;

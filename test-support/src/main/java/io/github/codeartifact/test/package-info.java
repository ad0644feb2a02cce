/**
 * A local AWS CodeArtifact emulator that speaks the real wire protocol, for tests.
 *
 * @see io.github.codeartifact.test.CodeArtifactEmulator
 */
@NullMarked
package io.github.codeartifact.test;

import org.jspecify.annotations.NullMarked;

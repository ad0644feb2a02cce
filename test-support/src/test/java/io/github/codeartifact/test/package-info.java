/**
 * Tests of the CodeArtifact emulator, driven by the real AWS SDK and AWS CLI.
 */
@NullMarked
package io.github.codeartifact.test;

import org.jspecify.annotations.NullMarked;

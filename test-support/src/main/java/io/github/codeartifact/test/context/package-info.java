/**
 * Spring test support: a {@link io.github.codeartifact.test.CodeArtifactEmulator} for an
 * application context, with the starter's endpoint, region and credentials wired to it.
 *
 * @see io.github.codeartifact.test.context.AutoConfigureCodeArtifactEmulator
 * @see io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer
 */
@NullMarked
package io.github.codeartifact.test.context;

import org.jspecify.annotations.NullMarked;

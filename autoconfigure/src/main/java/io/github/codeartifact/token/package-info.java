/**
 * Framework-free core: the {@link io.github.codeartifact.token.CodeArtifactTokenProvider} contract, the
 * {@link io.github.codeartifact.token.AuthorizationToken} value and the refresh engine that keeps a
 * fresh token in hand.
 */
@NullMarked
package io.github.codeartifact.token;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of a refreshing {@link io.github.codeartifact.token.CodeArtifactTokenProvider}: the
 * {@code codeartifact.*} properties, the CodeArtifact client, the provider's lifecycle and the failure
 * analyzers that explain a startup that could not get a token.
 */
@NullMarked
package io.github.codeartifact.autoconfigure;

import org.jspecify.annotations.NullMarked;

/**
 * Spring application events published after each CodeArtifact token refresh.
 */
@NullMarked
package io.github.codeartifact.event;

import org.jspecify.annotations.NullMarked;

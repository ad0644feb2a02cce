/**
 * The endpoints of CodeArtifact repositories, resolved once per repository and format.
 */
@NullMarked
package io.github.codeartifact.repository;

import org.jspecify.annotations.NullMarked;

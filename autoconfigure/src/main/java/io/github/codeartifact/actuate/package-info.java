/**
 * Actuator integration: the {@code codeartifact} endpoint, the {@code codeartifact} health indicator
 * and the {@code codeartifact.token.*} meters. None of them ever shows the token itself.
 */
@NullMarked
package io.github.codeartifact.actuate;

import org.jspecify.annotations.NullMarked;

/**
 * The GetAuthorizationToken call as a Micrometer {@link io.micrometer.observation.Observation}
 * ({@code codeartifact.token.refresh}): its documentation, context and conventions, and the
 * auto-configuration that observes the refresh engine's fetcher when the application has an
 * {@link io.micrometer.observation.ObservationRegistry}.
 */
@NullMarked
package io.github.codeartifact.observation;

import org.jspecify.annotations.NullMarked;

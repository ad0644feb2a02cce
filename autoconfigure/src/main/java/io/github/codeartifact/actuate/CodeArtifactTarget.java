package io.github.codeartifact.actuate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the application asks CodeArtifact for: the domain, its owner, the region and the token lifetime
 * requested. Shown by the endpoint and used to tag the meters.
 *
 * @param domain the CodeArtifact domain
 * @param owner the AWS account that owns the domain, or {@code null} when not set
 * @param region the AWS region the client talks to, or {@code null} when unknown
 * @param requestedDuration the token lifetime asked for, or {@code null} for the service's default
 */
public record CodeArtifactTarget(String domain, @Nullable String owner, @Nullable String region,
		@Nullable Duration requestedDuration) {

}

package io.github.codeartifact.sample;

import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /builds} answers: never the token.
 *
 * @param exitCode the exit code of {@code mvn}, or -1 when it ran out of time
 * @param artifact the artifact resolved, as {@code groupId:artifactId:version}
 * @param repositoryId the id of the repository Maven resolved it from
 * @param resolvedFrom that repository's endpoint
 * @param tokenExpiration when the session's token expires
 */
record BuildResult(int exitCode, @Nullable String artifact, @Nullable String repositoryId,
		@Nullable String resolvedFrom, String tokenExpiration) {
}

package io.github.codeartifact.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code GET /packages/{group}/{artifact}}: never the token, only its expiration.
 *
 * @param group the group id
 * @param artifact the artifact id
 * @param versions the versions in {@code maven-metadata.xml}
 * @param latest the latest version
 * @param release the release version
 * @param repositoryEndpoint the Maven endpoint of the repository
 * @param tokenExpiration when the token used expires, ISO-8601
 */
record PackageVersions(String group, String artifact, List<String> versions, @Nullable String latest,
		@Nullable String release, String repositoryEndpoint, String tokenExpiration) {
}

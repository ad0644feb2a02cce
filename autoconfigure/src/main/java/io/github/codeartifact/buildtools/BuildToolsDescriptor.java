package io.github.codeartifact.buildtools;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the {@code codeartifact} endpoint shows of the build tools: the configured repositories
 * with their endpoints, the sessions and the login files. It never holds the token.
 *
 * @param repositories the configured repositories
 * @param openSessions sessions opened and not closed yet
 * @param openedSessions sessions opened since the application started
 * @param loginFiles the login files and how their last write ended, or {@code null} when
 * {@code codeartifact.build-tools.login-files.enabled} is off
 */
public record BuildToolsDescriptor(List<Repository> repositories, long openSessions, long openedSessions,
		@Nullable List<LoginFileStatus> loginFiles) {

	/**
	 * Describes the build tools.
	 * @param buildTools the build tools
	 * @param loginFiles the login files, or {@code null} when off
	 * @return the description
	 */
	public static BuildToolsDescriptor of(CodeArtifactBuildTools buildTools, @Nullable BuildToolLoginFiles loginFiles) {
		List<Repository> repositories = buildTools.repositories().stream().map((repository) -> {
			URI endpoint = buildTools.resolvedEndpoint(repository.id());
			return new Repository(repository.id(), repository.repository(), repository.format().toString(),
					repository.scope(), repository.mirrorOf(), (endpoint != null) ? endpoint.toString() : null);
		}).toList();
		return new BuildToolsDescriptor(repositories, buildTools.openSessions(), buildTools.openedSessions(),
				(loginFiles != null) ? loginFiles.status() : null);
	}

	/**
	 * One configured repository.
	 *
	 * @param id the id, the Maven server id
	 * @param repository the CodeArtifact repository name
	 * @param format the package format, such as {@code maven}
	 * @param scope the npm scope, or {@code null}
	 * @param mirrorOf the Maven mirrorOf, or {@code null}
	 * @param endpoint the endpoint, or {@code null} until a session or the login files resolved it
	 * (reading the endpoint never calls CodeArtifact)
	 */
	public record Repository(String id, String repository, String format, @Nullable String scope,
			@Nullable String mirrorOf, @Nullable String endpoint) {
	}

}

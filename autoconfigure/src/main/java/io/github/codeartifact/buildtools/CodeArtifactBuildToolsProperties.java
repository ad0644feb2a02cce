package io.github.codeartifact.buildtools;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the build-tool sessions ({@code codeartifact.build-tools.*}).
 */
@ConfigurationProperties(CodeArtifactBuildToolsProperties.PREFIX)
public class CodeArtifactBuildToolsProperties {

	/** Prefix of the properties. */
	public static final String PREFIX = "codeartifact.build-tools";

	/**
	 * The repositories a session configures, by id: the id names the Maven server (and its
	 * repository or mirror) in the generated settings.xml.
	 */
	private Map<String, Repository> repositories = new LinkedHashMap<>();

	public Map<String, Repository> getRepositories() {
		return this.repositories;
	}

	public void setRepositories(Map<String, Repository> repositories) {
		this.repositories = repositories;
	}

	/**
	 * One repository of the domain, for one package format.
	 */
	public static class Repository {

		/**
		 * The CodeArtifact repository name, such as 'my-repo'.
		 */
		private @Nullable String repository;

		/**
		 * The package format: 'maven', 'npm' or 'pypi' (the AWS SDK's names, in any case).
		 */
		private @Nullable String format;

		/**
		 * The npm scope the repository serves, such as '@my-org': only that scope's packages come
		 * from it. Without one, the repository is npm's registry for every package.
		 */
		private @Nullable String scope;

		/**
		 * What the repository mirrors in Maven's mirrorOf syntax, such as '*' or 'central': it
		 * becomes a mirror in the generated settings.xml instead of a repository.
		 */
		private @Nullable String mirrorOf;

		public @Nullable String getRepository() {
			return this.repository;
		}

		public void setRepository(@Nullable String repository) {
			this.repository = repository;
		}

		public @Nullable String getFormat() {
			return this.format;
		}

		public void setFormat(@Nullable String format) {
			this.format = format;
		}

		public @Nullable String getScope() {
			return this.scope;
		}

		public void setScope(@Nullable String scope) {
			this.scope = scope;
		}

		public @Nullable String getMirrorOf() {
			return this.mirrorOf;
		}

		public void setMirrorOf(@Nullable String mirrorOf) {
			this.mirrorOf = mirrorOf;
		}

	}

}

package io.github.codeartifact.buildtools;

import java.nio.file.Path;
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

	/**
	 * The user's login files, kept fresh with each new token.
	 */
	private final LoginFiles loginFiles = new LoginFiles();

	public Map<String, Repository> getRepositories() {
		return this.repositories;
	}

	public void setRepositories(Map<String, Repository> repositories) {
		this.repositories = repositories;
	}

	public LoginFiles getLoginFiles() {
		return this.loginFiles;
	}

	/**
	 * The user's login files, for tools the application does not start itself.
	 */
	public static class LoginFiles {

		/**
		 * Whether the user's login files (.npmrc, pip.conf, .pypirc, Maven's settings.xml and
		 * Gradle's gradle.properties, for the formats of the configured repositories) get the
		 * token at start and with each new token.
		 */
		private boolean enabled = false;

		/**
		 * Whether the token lines and sections are removed from the login files when the
		 * application stops. Without it they stay and expire with the token.
		 */
		private boolean removeOnShutdown = false;

		/**
		 * Which pip index option the PyPI repositories become in pip.conf: 'index-url' (the first
		 * repository replaces PyPI, as 'aws codeartifact login' does) or 'extra-index-url' (all
		 * are added next to the index in use).
		 */
		private PipIndex pipIndex = PipIndex.INDEX_URL;

		/**
		 * npm's user configuration file. Default: ~/.npmrc.
		 */
		private @Nullable Path npmrc;

		/**
		 * pip's configuration file. Default: pip/pip.conf below $XDG_CONFIG_HOME, else
		 * ~/.config/pip/pip.conf (where pip looks on Linux).
		 */
		private @Nullable Path pipConf;

		/**
		 * twine's configuration file. Default: ~/.pypirc.
		 */
		private @Nullable Path pypirc;

		/**
		 * Maven's user settings file. Default: ~/.m2/settings.xml.
		 */
		private @Nullable Path mavenSettings;

		/**
		 * Gradle's user properties file. Default: ~/.gradle/gradle.properties.
		 */
		private @Nullable Path gradleProperties;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isRemoveOnShutdown() {
			return this.removeOnShutdown;
		}

		public void setRemoveOnShutdown(boolean removeOnShutdown) {
			this.removeOnShutdown = removeOnShutdown;
		}

		public PipIndex getPipIndex() {
			return this.pipIndex;
		}

		public void setPipIndex(PipIndex pipIndex) {
			this.pipIndex = pipIndex;
		}

		public @Nullable Path getNpmrc() {
			return this.npmrc;
		}

		public void setNpmrc(@Nullable Path npmrc) {
			this.npmrc = npmrc;
		}

		public @Nullable Path getPipConf() {
			return this.pipConf;
		}

		public void setPipConf(@Nullable Path pipConf) {
			this.pipConf = pipConf;
		}

		public @Nullable Path getPypirc() {
			return this.pypirc;
		}

		public void setPypirc(@Nullable Path pypirc) {
			this.pypirc = pypirc;
		}

		public @Nullable Path getMavenSettings() {
			return this.mavenSettings;
		}

		public void setMavenSettings(@Nullable Path mavenSettings) {
			this.mavenSettings = mavenSettings;
		}

		public @Nullable Path getGradleProperties() {
			return this.gradleProperties;
		}

		public void setGradleProperties(@Nullable Path gradleProperties) {
			this.gradleProperties = gradleProperties;
		}

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

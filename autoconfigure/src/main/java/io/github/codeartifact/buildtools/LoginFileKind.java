package io.github.codeartifact.buildtools;

/**
 * The user's login files that {@code codeartifact.build-tools.login-files} keeps fresh.
 */
public enum LoginFileKind {

	/** npm's user configuration, {@code ~/.npmrc}. */
	NPMRC("npmrc"),

	/** pip's user configuration, {@code ~/.config/pip/pip.conf}. */
	PIP_CONF("pip-conf"),

	/** twine's {@code ~/.pypirc}. */
	PYPIRC("pypirc"),

	/** Maven's user settings, {@code ~/.m2/settings.xml}. */
	MAVEN_SETTINGS("maven-settings"),

	/** Gradle's user properties, {@code ~/.gradle/gradle.properties}. */
	GRADLE_PROPERTIES("gradle-properties");

	private final String tag;

	LoginFileKind(String tag) {
		this.tag = tag;
	}

	/**
	 * Returns the kind as it appears in the actuator output, meter tags and property names.
	 * @return such as {@code maven-settings}
	 */
	public String tag() {
		return this.tag;
	}

}

package io.github.codeartifact.buildtools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.codeartifact.autoconfigure.InvalidCodeArtifactPropertyException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of {@code codeartifact.build-tools.login-files.*}: where each file is (the property, or
 * where its tool looks by default) and the checks that fail startup with an
 * {@link InvalidCodeArtifactPropertyException}.
 */
final class LoginFilePaths {

	private static final String PREFIX = CodeArtifactBuildToolsProperties.PREFIX + ".login-files.";

	private LoginFilePaths() {
	}

	/**
	 * Returns the path of each kind.
	 * @param properties the bound properties
	 * @param repositories the configured repositories
	 * @param userHome the user's home directory
	 * @param xdgConfigHome {@code $XDG_CONFIG_HOME}, or {@code null}
	 * @return the path of every kind
	 * @throws InvalidCodeArtifactPropertyException when a rule is broken
	 */
	static Map<LoginFileKind, Path> of(CodeArtifactBuildToolsProperties.LoginFiles properties,
			List<BuildToolRepository> repositories, Path userHome, @Nullable String xdgConfigHome) {
		if (repositories.isEmpty()) {
			throw new InvalidCodeArtifactPropertyException(PREFIX + "enabled", true,
					"needs at least one repository in " + CodeArtifactBuildToolsProperties.PREFIX
							+ ".repositories: the login files get the lines of those repositories",
					"Configure the repositories (repository and format) under " + CodeArtifactBuildToolsProperties.PREFIX
							+ ".repositories.<id>, or remove " + PREFIX + "enabled.");
		}
		Path configHome = (xdgConfigHome != null && Path.of(xdgConfigHome).isAbsolute()) ? Path.of(xdgConfigHome)
				: userHome.resolve(".config");
		Map<LoginFileKind, Path> paths = new EnumMap<>(LoginFileKind.class);
		put(paths, LoginFileKind.NPMRC, properties.getNpmrc(), userHome.resolve(".npmrc"));
		put(paths, LoginFileKind.PIP_CONF, properties.getPipConf(), configHome.resolve("pip/pip.conf"));
		put(paths, LoginFileKind.PYPIRC, properties.getPypirc(), userHome.resolve(".pypirc"));
		put(paths, LoginFileKind.MAVEN_SETTINGS, properties.getMavenSettings(),
				userHome.resolve(".m2/settings.xml"));
		put(paths, LoginFileKind.GRADLE_PROPERTIES, properties.getGradleProperties(),
				userHome.resolve(".gradle/gradle.properties"));
		return paths;
	}

	private static String userRelative(Path standard) {
		Path home = Path.of(System.getProperty("user.home"));
		return standard.startsWith(home) ? home.relativize(standard).toString() : standard.getFileName().toString();
	}

	private static void put(Map<LoginFileKind, Path> paths, LoginFileKind kind, @Nullable Path configured,
			Path standard) {
		Path path = (configured != null) ? configured : standard;
		String property = PREFIX + kind.tag();
		if (path.startsWith("~")) {
			throw new InvalidCodeArtifactPropertyException(property, path,
					"must not start with '~': Java does not expand it, the file would land in a directory named '~'",
					"Write the home directory as ${user.home}, such as ${user.home}/" + userRelative(standard)
							+ ", or remove " + property + " to use that default.");
		}
		if (Files.isDirectory(path)) {
			throw new InvalidCodeArtifactPropertyException(property, path, "must be a file, not a directory",
					"Set " + property + " to the file's path, such as " + standard + ", or remove it to use that "
							+ "default.");
		}
		paths.forEach((other, otherPath) -> {
			if (otherPath.toAbsolutePath().normalize().equals(path.toAbsolutePath().normalize())) {
				throw new InvalidCodeArtifactPropertyException(property, path,
						"must differ from " + PREFIX + other.tag() + ": each login file has its own format",
						"Give each login file its own path.");
			}
		});
		paths.put(kind, path);
	}

}

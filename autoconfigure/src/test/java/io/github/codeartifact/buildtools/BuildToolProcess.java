package io.github.codeartifact.buildtools;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a real build tool with a session: a clean environment (no AWS, npm, pip, twine or Maven
 * variables of the machine), a {@code HOME} of the test's own, then the session's
 * {@link BuildToolSession#applyTo(ProcessBuilder) environment}. It checks that the token is not on
 * the command line.
 */
final class BuildToolProcess {

	private static final long TIMEOUT_SECONDS = 60;

	private BuildToolProcess() {
	}

	static Result run(BuildToolSession session, Path directory, Path home, Map<String, String> extra,
			List<String> command) throws IOException, InterruptedException {
		String token = session.environment().get(BuildToolSession.CODEARTIFACT_AUTH_TOKEN);
		assertThat(String.join(" ", command)).doesNotContain(token);
		return run(directory, home, extra, command, session::applyTo);
	}

	/**
	 * Runs a tool with no session: all it has is what it reads from its files below {@code home}.
	 */
	static Result runWithoutSession(Path directory, Path home, Map<String, String> extra, List<String> command)
			throws IOException, InterruptedException {
		return run(directory, home, extra, command, (builder) -> builder);
	}

	private static Result run(Path directory, Path home, Map<String, String> extra, List<String> command,
			UnaryOperator<ProcessBuilder> session) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("AWS_") || name.startsWith("NPM_CONFIG_")
				|| name.startsWith("npm_config_") || name.startsWith("PIP_") || name.startsWith("TWINE_")
				|| name.startsWith("MAVEN_") || name.startsWith("CODEARTIFACT_"));
		builder.environment().put("HOME", home.toString());
		builder.environment().remove("XDG_CONFIG_HOME");
		builder.environment().putAll(extra);
		session.apply(builder);
		Path output = Files.createTempFile("build-tool-output", ".txt");
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
		}
		try {
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.delete(output);
		}
	}

	/** Returns the first executable of that name on the PATH, or {@code null}. */
	static @Nullable Path onPath(String name) {
		String path = System.getenv("PATH");
		for (String directory : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
			Path candidate = Path.of(directory, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * What a tool did.
	 *
	 * @param exitCode the exit code
	 * @param output stdout and stderr, interleaved
	 */
	record Result(int exitCode, String output) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + ":\n" + this.output;
		}

	}

}

package io.github.codeartifact.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.fail;

/**
 * Runs a real build tool (mvn, npm, pip, twine, aws) in a directory with a clean
 * environment: no AWS variables and a {@code HOME} of the test's own, so that nothing of
 * the machine's configuration (~/.npmrc, pip.conf, ~/.pypirc) takes part.
 */
final class ToolProcess {

	private static final long TIMEOUT_SECONDS = 120;

	private ToolProcess() {
	}

	/**
	 * Returns the first executable of that name on the PATH.
	 * @param name the command name
	 * @return the path or {@code null}
	 */
	static @Nullable Path onPath(String name) {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	static Result run(Path directory, Path home, Map<String, String> environment, List<String> command)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("AWS_") || name.startsWith("NPM_CONFIG_")
				|| name.startsWith("npm_config_") || name.startsWith("PIP_") || name.startsWith("TWINE_")
				|| name.startsWith("MAVEN_"));
		env.put("HOME", home.toString());
		env.putAll(environment);
		Path output = Files.createTempFile(directory, "output", ".txt");
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
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

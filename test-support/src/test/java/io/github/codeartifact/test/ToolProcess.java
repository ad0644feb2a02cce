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

	/**
	 * Runs {@code aws codeartifact login --tool TOOL} against the emulator's {@code my-domain}
	 * and {@code my-repo}, signing with {@code test}/{@code test}; it writes the tool's user
	 * configuration below {@code home}.
	 */
	static Result awsCodeartifactLogin(CodeArtifactEmulator emulator, Path aws, Path directory, Path home, String tool)
			throws IOException, InterruptedException {
		Map<String, String> credentials = Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
				"AWS_CONFIG_FILE", home.resolve("no-aws-config").toString(), "AWS_SHARED_CREDENTIALS_FILE",
				home.resolve("no-aws-credentials").toString(), "AWS_EC2_METADATA_DISABLED", "true", "AWS_PAGER", "");
		return run(directory, home, credentials,
				List.of(aws.toString(), "codeartifact", "login", "--tool", tool, "--domain", "my-domain",
						"--domain-owner", "111122223333", "--repository", "my-repo", "--endpoint-url",
						emulator.endpoint().toString(), "--region", emulator.region()));
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
		// Outside the directory, where npm would pack it.
		Path output = Files.createTempFile("tool-output", ".txt");
		builder.redirectErrorStream(true).redirectOutput(output.toFile());
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
		}
		try {
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		finally {
			Files.delete(output);
		}
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

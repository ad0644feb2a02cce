package io.github.codeartifact.sample;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The AOT-processed sample in its own JVM: {@code java -Dspring.aot.enabled=true} on the classes
 * that {@code spring-boot:process-aot} completed and the sample's runtime class path (both handed
 * over by the build), on a random port, with a home directory and an environment of the test's
 * own: no {@code AWS_*}, {@code CODEARTIFACT_*} or {@code SPRING_*} variable of the build leaks in.
 */
final class AotSampleProcess implements AutoCloseable {

	private static final Pattern READY = Pattern.compile("CodeArtifact sample ready on http://localhost:(\\d+)");

	private static final Duration STARTUP = Duration.ofSeconds(45);

	private final Process process;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final int port;

	private AotSampleProcess(Process process) {
		this.process = process;
		Thread reader = new Thread(this::readOutput, "aot-sample-output");
		reader.setDaemon(true);
		reader.start();
		await().atMost(STARTUP).until(() -> readyPort().isPresent() || !process.isAlive());
		this.port = readyPort()
			.orElseGet(() -> fail("The AOT-processed sample did not start:%n%s", String.join("\n", this.lines)));
	}

	/**
	 * Starts the sample and waits until it is ready.
	 * @param home the user's home directory ({@code HOME} and {@code user.home})
	 * @param environment the environment variables to add
	 * @return the running sample
	 * @throws IOException if the JVM cannot be started
	 */
	static AotSampleProcess start(Path home, Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dspring.aot.enabled=true");
		// Startup, not peak speed: the C1 compiler only
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Duser.home=" + home);
		command.add("-cp");
		command.add(classPath());
		command.add(SampleApplication.class.getName());
		command.add("--server.port=0");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.keySet()
			.removeIf((name) -> name.startsWith("AWS_") || name.startsWith("CODEARTIFACT_")
					|| name.startsWith("SPRING_"));
		env.put("HOME", home.toString());
		env.putAll(environment);
		return new AotSampleProcess(builder.start());
	}

	private static String classPath() throws IOException {
		String classes = System.getProperty("sample.aot.classes");
		String classPathFile = System.getProperty("sample.aot.classpath-file");
		if (classes == null || classPathFile == null) {
			fail("Run by the build (failsafe): sample.aot.classes and sample.aot.classpath-file are not set");
		}
		return classes + File.pathSeparator + Files.readString(Path.of(classPathFile)).trim();
	}

	private void readOutput() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				this.lines.add(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Optional<Integer> readyPort() {
		return this.lines.stream()
			.map(READY::matcher)
			.filter(Matcher::find)
			.map((matcher) -> Integer.valueOf(matcher.group(1)))
			.findFirst();
	}

	/**
	 * The first line of the output that contains a text.
	 * @param text the text
	 * @return the line
	 */
	String line(String text) {
		return this.lines.stream()
			.filter((line) -> line.contains(text))
			.findFirst()
			.orElseGet(() -> fail("No line with '%s' in:%n%s", text, String.join("\n", this.lines)));
	}

	List<String> lines() {
		return List.copyOf(this.lines);
	}

	RestClient client() {
		return RestClient.create("http://127.0.0.1:" + this.port);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}

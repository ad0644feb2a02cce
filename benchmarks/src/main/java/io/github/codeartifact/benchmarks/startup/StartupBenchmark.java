package io.github.codeartifact.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import io.github.codeartifact.test.CodeArtifactEmulator;

/**
 * Measures the time to a ready application with and without the starter: each variant is run as a
 * fresh {@code java} process, several times, against one CodeArtifact emulator started beforehand in
 * this JVM. Each application prints {@code READY <ms>} on {@code ApplicationReadyEvent}, with the
 * time since its JVM started; the application with the starter is ready only once its first token
 * is held (fail-fast startup).
 * <p>
 * Options: {@code --runs N} (default 7), {@code --variants a,b} (default
 * {@code without,with,with-apache,with-disabled}; also {@code with-no-fail-fast}), {@code --dir DIR} (the
 * {@code benchmarks} folder, default {@code benchmarks}), {@code --json FILE}.
 */
public final class StartupBenchmark {

	private static final String DOMAIN = "bench";

	private static final String OWNER = "111122223333";

	private static final String REGION = "us-east-1";

	private static final long READY_TIMEOUT_SECONDS = 120;

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int runs = Integer.parseInt(options.getOrDefault("runs", "7"));
		Path dir = Path.of(options.getOrDefault("dir", "benchmarks"));
		List<Variant> variants = new ArrayList<>();
		for (String name : options.getOrDefault("variants", "without,with,with-apache,with-disabled").split(",")) {
			variants.add(Variant.of(name.trim(), dir));
		}
		try (CodeArtifactEmulator emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, OWNER)
			.repository(DOMAIN, "repo")
			.region(REGION)
			.port(0)
			.build()) {
			System.out.println("Emulator at " + emulator.endpoint() + "; " + runs + " runs of " + variants.size()
					+ " variants after one warm-up run each; " + Runtime.version() + ", "
					+ Runtime.getRuntime().availableProcessors() + " CPUs");
			for (Variant variant : variants) {
				Run run = run(variant, emulator);
				System.out.printf(Locale.ROOT, "warm-up %-18s %s%n", variant.name, run);
			}
			for (int round = 0; round < runs; round++) {
				// Rotate the order so that no variant always runs first after a pause or last before one
				for (int i = 0; i < variants.size(); i++) {
					Variant variant = variants.get((round + i) % variants.size());
					Run run = run(variant, emulator);
					variant.runs.add(run);
					System.out.printf(Locale.ROOT, "run %d   %-18s %s%n", round + 1, variant.name, run);
				}
			}
			report(variants, options.get("json"));
		}
	}

	private static void report(List<Variant> variants, String json) throws IOException {
		Variant reference = variants.get(0);
		double referenceReady = median(reference.values(Run::readyMillis));
		double referenceCpu = median(reference.values(Run::cpuMillis));
		System.out.println();
		System.out.println("Medians of " + reference.runs.size() + " runs; ratios to '" + reference.name
				+ "'. READY: ms from JVM start to ready; CPU: ms of CPU time of the process by then;"
				+ " wall: ms from spawning the process to reading READY.");
		System.out.printf(Locale.ROOT, "%-18s %7s %6s %6s %7s %7s %6s %7s   %s%n", "variant", "READY", "min", "max",
				"ratio", "CPU", "ratio", "wall", "READY ms of each run");
		StringBuilder out = new StringBuilder("{\n  \"reference\": \"" + reference.name + "\",\n  \"variants\": [\n");
		for (int v = 0; v < variants.size(); v++) {
			Variant variant = variants.get(v);
			long[] ready = variant.values(Run::readyMillis);
			long[] cpu = variant.values(Run::cpuMillis);
			long[] wall = variant.values(Run::wallMillis);
			double ratio = median(ready) / referenceReady;
			double cpuRatio = median(cpu) / referenceCpu;
			System.out.printf(Locale.ROOT, "%-18s %7.0f %6d %6d %7.3f %7.0f %6.3f %7.0f   %s%n", variant.name,
					median(ready), Arrays.stream(ready).min().orElse(0), Arrays.stream(ready).max().orElse(0), ratio,
					median(cpu), cpuRatio, median(wall), Arrays.toString(ready));
			out.append(String.format(Locale.ROOT,
					"    {\"name\": \"%s\", \"medianReadyMillis\": %.1f, \"readyRatio\": %.4f, "
							+ "\"medianCpuMillis\": %.1f, \"cpuRatio\": %.4f, \"medianWallMillis\": %.1f, "
							+ "\"readyMillis\": %s, \"cpuMillis\": %s, \"wallMillis\": %s}%s%n",
					variant.name, median(ready), ratio, median(cpu), cpuRatio, median(wall), Arrays.toString(ready),
					Arrays.toString(cpu), Arrays.toString(wall), (v < variants.size() - 1) ? "," : ""));
		}
		out.append("  ]\n}\n");
		for (Variant variant : variants) {
			Set<String> names = new TreeSet<>();
			variant.runs.forEach((run) -> names.addAll(run.trace.keySet()));
			if (!names.isEmpty()) {
				StringBuilder medians = new StringBuilder();
				for (String name : names) {
					medians.append(String.format(Locale.ROOT, " %s=%.0f", name,
							median(variant.values((run) -> run.trace.getOrDefault(name, -1L)))));
				}
				System.out.println("Trace medians of " + variant.name + " (ms):" + medians);
			}
		}
		if (json != null) {
			Files.writeString(Path.of(json), out);
			System.out.println("Results written to " + json);
		}
	}

	private static Run run(Variant variant, CodeArtifactEmulator emulator) throws Exception {
		int tokensBefore = emulator.authorizationTokenCallCount();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(variant.classpath());
		command.add(variant.mainClass);
		command.add("--server.port=0");
		if (variant.starter) {
			command.add("--codeartifact.domain=" + DOMAIN);
			command.add("--codeartifact.owner=" + OWNER);
			command.add("--codeartifact.region=" + REGION);
			command.add("--codeartifact.endpoint=" + emulator.endpoint());
		}
		command.addAll(variant.extraArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// The same environment for every variant, and nothing from the machine's AWS set-up
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("AWS_"));
		env.put("AWS_ACCESS_KEY_ID", "test");
		env.put("AWS_SECRET_ACCESS_KEY", "test");
		env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
		env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
		env.put("AWS_EC2_METADATA_DISABLED", "true");
		long start = System.nanoTime();
		Process process = builder.start();
		StringBuilder output = new StringBuilder();
		CompletableFuture<String> ready = new CompletableFuture<>();
		Map<String, Long> trace = new ConcurrentHashMap<>();
		Thread reader = new Thread(() -> read(process, output, ready, trace), "startup-output");
		reader.setDaemon(true);
		reader.start();
		String line;
		try {
			line = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw new IllegalStateException(variant.name + " did not print READY:\n" + output, ex);
		}
		long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
		reader.join(5_000);
		String[] parts = line.trim().split(" ");
		long readyMillis = Long.parseLong(parts[1]);
		long cpuMillis = Long.parseLong(parts[2]);
		int tokenCalls = emulator.authorizationTokenCallCount() - tokensBefore;
		if (variant.expect == Expect.FRESH_TOKEN) {
			if (parts.length < 4 || !"FRESH".equals(parts[3])) {
				throw new IllegalStateException(variant.name + " was ready without a fresh token: " + line);
			}
			if (tokenCalls == 0) {
				throw new IllegalStateException(variant.name + " got no token from the emulator:\n" + output);
			}
		}
		if (variant.expect == Expect.NO_CALL && (tokenCalls != 0 || parts.length < 4 || !"DISABLED".equals(parts[3]))) {
			throw new IllegalStateException(variant.name + " should be disabled and make no call, made " + tokenCalls
					+ ": " + line);
		}
		return new Run(readyMillis, cpuMillis, wallMillis, Map.copyOf(trace));
	}

	private static void read(Process process, StringBuilder output, CompletableFuture<String> ready,
			Map<String, Long> trace) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				synchronized (output) {
					output.append(line).append('\n');
				}
				if (line.startsWith("TRACE ")) {
					for (String pair : line.substring(6).trim().split(" ")) {
						String[] nameValue = pair.split("=");
						trace.put(nameValue[0], Long.parseLong(nameValue[1]));
					}
				}
				if (line.startsWith("READY ")) {
					ready.complete(line);
				}
			}
			ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
		}
		catch (IOException ex) {
			ready.completeExceptionally(new UncheckedIOException(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			ready.completeExceptionally(ex);
		}
	}

	static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Expected --name value, got: " + arg);
			}
			options.put(arg.substring(2), args[++i]);
		}
		return options;
	}

	private record Run(long readyMillis, long cpuMillis, long wallMillis, Map<String, Long> trace) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "READY %5d ms  CPU %5d ms  wall %5d ms%s", this.readyMillis,
					this.cpuMillis, this.wallMillis, this.trace.isEmpty() ? "" : "  " + new TreeMap<>(this.trace));
		}

	}

	/**
	 * What a variant's run must show besides READY.
	 */
	private enum Expect {

		/** Nothing more. */
		NOTHING,

		/** The first token was held when ready, and the emulator was called for it. */
		FRESH_TOKEN,

		/** The starter turned off: no call to the emulator. */
		NO_CALL

	}

	/**
	 * An application to start: its module, main class and arguments.
	 */
	private static final class Variant {

		private static final String PLAIN = "io.github.codeartifact.benchmarks.startup.plain.PlainApplication";

		private static final String STARTER = "io.github.codeartifact.benchmarks.startup.starter.StarterApplication";

		final String name;

		final Path module;

		final String mainClass;

		final boolean starter;

		final Expect expect;

		final List<String> extraArgs;

		final List<Run> runs = new ArrayList<>();

		private Variant(String name, Path module, String mainClass, boolean starter, Expect expect,
				List<String> extraArgs) {
			this.name = name;
			this.module = module;
			this.mainClass = mainClass;
			this.starter = starter;
			this.expect = expect;
			this.extraArgs = extraArgs;
		}

		static Variant of(String name, Path dir) {
			return switch (name) {
				case "without" -> new Variant(name, dir.resolve("startup-without-starter"), PLAIN, false,
						Expect.NOTHING, List.of());
				case "with" -> new Variant(name, dir.resolve("startup-with-starter"), STARTER, true,
						Expect.FRESH_TOKEN, List.of());
				case "with-apache" -> new Variant(name, dir.resolve("startup-with-starter-apache"), STARTER, true,
						Expect.FRESH_TOKEN, List.of());
				// Ready without waiting for the first token: the cost of the beans alone
				case "with-no-fail-fast" -> new Variant(name, dir.resolve("startup-with-starter"), STARTER, true,
						Expect.NOTHING, List.of("--codeartifact.fail-fast=false"));
				// The starter on the class path but turned off: what it costs an application that does not use it
				case "with-disabled" -> new Variant(name, dir.resolve("startup-with-starter"), STARTER, true,
						Expect.NO_CALL, List.of("--codeartifact.enabled=false"));
				default -> throw new IllegalArgumentException("Unknown variant: " + name);
			};
		}

		String classpath() throws IOException {
			Path file = this.module.resolve("target/classpath.txt");
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException(file + " is missing: build with ./mvnw -B -q -Pbenchmarks package -DskipTests");
			}
			return this.module.resolve("target/classes") + java.io.File.pathSeparator
					+ Files.readString(file).trim();
		}

		long[] values(ToLongFunction<Run> value) {
			return this.runs.stream().mapToLong(value).toArray();
		}

	}

}

package io.github.codeartifact.benchmarks.startup.support;

import java.time.Duration;
import java.util.Comparator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * What the applications of the startup measurement share to run and to report; each prints its own
 * {@code READY} line on {@code ApplicationReadyEvent}.
 */
public final class StartupReport {

	private StartupReport() {
	}

	/**
	 * Runs the application; with {@code -Dbench.steps=true}, records the startup steps of the
	 * context and prints the slowest ones after it started, for diagnostics.
	 * @param application the application
	 * @param args the arguments of {@code main}
	 */
	public static void run(SpringApplication application, String[] args) {
		BufferingApplicationStartup steps = Boolean.getBoolean("bench.steps") ? new BufferingApplicationStartup(20_000)
				: null;
		if (steps != null) {
			application.setApplicationStartup(steps);
		}
		application.run(args);
		if (steps != null) {
			printSlowestSteps(steps);
		}
	}

	/**
	 * CPU time of the process so far, all threads; less sensitive than elapsed time to other load.
	 * @return the CPU time in milliseconds, or -1 when the platform does not tell it
	 */
	public static long cpuMillis() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
	}

	private static void printSlowestSteps(BufferingApplicationStartup steps) {
		steps.getBufferedTimeline()
			.getEvents()
			.stream()
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(40)
			.forEach((event) -> System.out.println("STEP " + event.getDuration().toMillis() + " ms "
					+ event.getStartupStep().getName() + " " + tags(event)));
	}

	private static String tags(StartupTimeline.TimelineEvent event) {
		StringBuilder tags = new StringBuilder();
		event.getStartupStep().getTags().forEach((tag) -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
		return tags.toString();
	}

}

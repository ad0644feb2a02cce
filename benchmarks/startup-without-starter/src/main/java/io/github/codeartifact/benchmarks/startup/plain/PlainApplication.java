package io.github.codeartifact.benchmarks.startup.plain;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small web application without the starter: the reference of the startup measurement. Prints
 * {@code READY <ms> <cpu ms>}: the time from JVM start to {@link ApplicationReadyEvent}, and the CPU
 * time of the process by then.
 */
@SpringBootApplication
@RestController
public class PlainApplication {

	@GetMapping("/")
	String hello() {
		return "hello";
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(PlainApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			long now = System.currentTimeMillis();
			long startup = now - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println("TRACE classes=" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
			System.out.println("READY " + startup + " " + cpuMillis());
			System.out.flush();
		});
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

	/** With -Dbench.steps=true: the slowest startup steps of the context, for diagnostics. */
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

	/** CPU time of the process so far, all threads; less sensitive than elapsed time to other load. */
	private static long cpuMillis() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
	}

}

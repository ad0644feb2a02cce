package io.github.codeartifact.benchmarks.startup.starter;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;

import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same small web application with the starter. With fail-fast (the default) the context only
 * starts once the first token is held; {@code READY <ms> <cpu ms> <status>} is printed on
 * {@link ApplicationReadyEvent} with the time from JVM start and the CPU time of the process, after checking that a fresh token is
 * in hand.
 */
@SpringBootApplication
@RestController
public class StarterApplication {

	@GetMapping("/")
	String hello() {
		return "hello";
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(StarterApplication.class);
		application.addListeners((ApplicationListener<ApplicationReadyEvent>) (event) -> {
			long now = System.currentTimeMillis();
			TokenStatus status = event.getApplicationContext()
				.getBean(RefreshingCodeArtifactTokenProvider.class)
				.state()
				.status();
			long startup = now - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println(StartupTrace.line());
			System.out.println("READY " + startup + " " + cpuMillis() + " " + status);
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

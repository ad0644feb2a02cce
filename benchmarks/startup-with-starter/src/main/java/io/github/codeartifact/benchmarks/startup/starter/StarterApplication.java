package io.github.codeartifact.benchmarks.startup.starter;

import java.lang.management.ManagementFactory;

import io.github.codeartifact.benchmarks.startup.support.StartupReport;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
			// With codeartifact.enabled=false there is no engine
			String status = event.getApplicationContext()
				.getBeanProvider(RefreshingCodeArtifactTokenProvider.class)
				.stream()
				.map((provider) -> provider.state().status().name())
				.findFirst()
				.orElse("DISABLED");
			long startup = now - ManagementFactory.getRuntimeMXBean().getStartTime();
			System.out.println(StartupTrace.line());
			System.out.println("READY " + startup + " " + StartupReport.cpuMillis() + " " + status);
			System.out.flush();
		});
		StartupReport.run(application, args);
	}

}

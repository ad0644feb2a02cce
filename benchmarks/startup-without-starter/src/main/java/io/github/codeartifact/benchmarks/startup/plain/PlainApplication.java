package io.github.codeartifact.benchmarks.startup.plain;

import java.lang.management.ManagementFactory;

import io.github.codeartifact.benchmarks.startup.support.StartupReport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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
			System.out.println("READY " + startup + " " + StartupReport.cpuMillis());
			System.out.flush();
		});
		StartupReport.run(application, args);
	}

}

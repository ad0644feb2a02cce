package io.github.codeartifact.sample;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Logs the URLs to try once the application is ready, with the port the server listens on.
 */
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(StartupBanner.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String base = "http://localhost:" + port;
		logger.info("""
				CodeArtifact sample ready on %1$s (repository %2$s). Try:
				  curl %1$s/packages/com.example/demo-lib
				  curl %1$s/actuator/codeartifact
				  curl %1$s/actuator/health
				  curl %1$s/actuator/metrics/codeartifact.token.refresh""".formatted(base,
				environment.getProperty("sample.repository")));
	}

}

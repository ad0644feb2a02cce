package io.github.codeartifact.sample;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /builds}: runs the real {@code mvn} against the repository with a build-tool session
 * and answers its exit code and the artifact it resolved.
 */
@RestController
class BuildController {

	private final MavenBuild build;

	BuildController(MavenBuild build) {
		this.build = build;
	}

	@PostMapping("/builds")
	BuildResult build() throws IOException, InterruptedException {
		return this.build.run();
	}

	@ExceptionHandler(MavenBuild.BuildUnavailableException.class)
	ProblemDetail unavailable(MavenBuild.BuildUnavailableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

}

package io.github.codeartifact.buildtools;

import java.util.Locale;
import java.util.Objects;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The build tools' meters: {@value #SESSIONS} counts the sessions opened, {@value #OPEN_SESSIONS}
 * gauges those not closed yet, and {@value #LOGIN_FILE_WRITES} counts the login-file writes by
 * {@code file} (the kind, such as {@code maven-settings}, never a path) and {@code outcome}
 * ({@code written}, {@code removed}, {@code unparseable}, {@code failed}). They read the counts
 * the build tools keep; no tag ever holds the token.
 */
public final class CodeArtifactBuildToolsMetrics implements MeterBinder {

	/** Sessions opened. */
	public static final String SESSIONS = "codeartifact.build-tools.sessions";

	/** Sessions open. */
	public static final String OPEN_SESSIONS = "codeartifact.build-tools.sessions.open";

	/** Login-file writes, by file kind and outcome. */
	public static final String LOGIN_FILE_WRITES = "codeartifact.build-tools.login-files.writes";

	private final CodeArtifactBuildTools buildTools;

	private final @Nullable BuildToolLoginFiles loginFiles;

	/**
	 * Creates the meters.
	 * @param buildTools the build tools
	 * @param loginFiles the login files, or {@code null} when off
	 */
	public CodeArtifactBuildToolsMetrics(CodeArtifactBuildTools buildTools, @Nullable BuildToolLoginFiles loginFiles) {
		this.buildTools = Objects.requireNonNull(buildTools, "buildTools must not be null");
		this.loginFiles = loginFiles;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder(SESSIONS, this.buildTools, CodeArtifactBuildTools::openedSessions)
			.description("Build-tool sessions opened")
			.baseUnit("sessions")
			.register(registry);
		Gauge.builder(OPEN_SESSIONS, this.buildTools, CodeArtifactBuildTools::openSessions)
			.description("Build-tool sessions opened and not closed yet")
			.baseUnit("sessions")
			.register(registry);
		BuildToolLoginFiles files = this.loginFiles;
		if (files == null) {
			return;
		}
		for (LoginFileKind kind : files.kinds()) {
			for (LoginFileOutcome outcome : LoginFileOutcome.values()) {
				FunctionCounter.builder(LOGIN_FILE_WRITES, files, (counted) -> counted.writes(kind, outcome))
					.description("Login-file writes, by file and outcome")
					.tag("file", kind.tag())
					.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
					.register(registry);
			}
		}
	}

}

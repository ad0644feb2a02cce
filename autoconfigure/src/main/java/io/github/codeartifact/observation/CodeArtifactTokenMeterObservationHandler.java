package io.github.codeartifact.observation;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.core.Ordered;

/**
 * Takes the {@link CodeArtifactTokenObservation#TOKEN_REFRESH} observation in Spring Boot's group
 * of meter handlers, before Micrometer's {@link DefaultMeterObservationHandler}, and records
 * nothing: the {@code codeartifact.token.refresh} timer is already recorded, with the AWS error
 * code in its {@code error} tag, by the starter's meters
 * ({@code io.github.codeartifact.actuate.CodeArtifactTokenMetrics}). The default handler would
 * record a second timer of the same name and tags, counting each call twice, and would always set
 * its {@code error} tag to the exception's class name, and add a
 * {@code codeartifact.token.refresh.active} long task timer. Boot's group uses the first handler
 * that supports a context, so every other observation keeps the default handler; tracing handlers
 * are another group and still get the observation.
 */
public final class CodeArtifactTokenMeterObservationHandler
		implements MeterObservationHandler<CodeArtifactTokenObservationContext>, Ordered {

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof CodeArtifactTokenObservationContext;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

package io.github.codeartifact.observation;

import io.github.codeartifact.observation.CodeArtifactTokenObservation.LowCardinalityKeyNames;
import io.github.codeartifact.token.CodeArtifactTokenException;
import io.micrometer.common.KeyValues;

/**
 * The default {@link CodeArtifactTokenObservationConvention}: the observation
 * {@value CodeArtifactTokenObservation#NAME} with the low-cardinality keys
 * <ul>
 * <li>{@code domain}: the domain;</li>
 * <li>{@code outcome}: {@code success} or {@code failure} ({@code unknown} while in flight);</li>
 * <li>{@code error}: {@code none}, or for a failure the AWS error code (such as
 * {@code AccessDeniedException}), otherwise the simple class name of what was thrown (of its cause
 * for a {@link CodeArtifactTokenException} without a code, such as {@code SdkClientException}).</li>
 * </ul>
 * No key value ever holds the token: the call's result is not in the context.
 */
public class DefaultCodeArtifactTokenObservationConvention implements CodeArtifactTokenObservationConvention {

	/** The shared instance. */
	public static final DefaultCodeArtifactTokenObservationConvention INSTANCE = new DefaultCodeArtifactTokenObservationConvention();

	static final String NONE = "none";

	static final String UNKNOWN = "unknown";

	@Override
	public String getName() {
		return CodeArtifactTokenObservation.NAME;
	}

	@Override
	public String getContextualName(CodeArtifactTokenObservationContext context) {
		return "codeartifact GetAuthorizationToken";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CodeArtifactTokenObservationContext context) {
		Throwable error = context.getError();
		String outcome = (error != null) ? "failure" : context.isFetched() ? "success" : UNKNOWN;
		return KeyValues.of(LowCardinalityKeyNames.DOMAIN.withValue(context.getDomain()),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome),
				LowCardinalityKeyNames.ERROR.withValue((error != null) ? error(error) : NONE));
	}

	private static String error(Throwable error) {
		if (error instanceof CodeArtifactTokenException failure) {
			String code = failure.getErrorCode();
			if (code != null && !code.isBlank()) {
				return code;
			}
			if (failure.getCause() != null) {
				return failure.getCause().getClass().getSimpleName();
			}
		}
		return error.getClass().getSimpleName();
	}

}

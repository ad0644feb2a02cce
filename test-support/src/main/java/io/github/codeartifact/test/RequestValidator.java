package io.github.codeartifact.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks request parameters against the constraints of the service model, collecting
 * violations in the service's own wording.
 */
final class RequestValidator {

	private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z][a-z0-9\\-]{0,48}[a-z0-9]");

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

	private static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{1,99}");

	private static final List<String> ENDPOINT_TYPES = List.of("dualstack", "ipv4");

	private static final long MIN_DURATION = 900;

	private static final long MAX_DURATION = 43200;

	private final List<String> violations = new ArrayList<>();

	RequestValidator domain(@Nullable String value) {
		if (required(value, "domain")) {
			string(value, "domain", 2, 50, DOMAIN_NAME);
		}
		return this;
	}

	RequestValidator domainOwner(@Nullable String value) {
		if (value != null) {
			string(value, "domainOwner", 12, 12, ACCOUNT_ID);
		}
		return this;
	}

	RequestValidator repository(@Nullable String value) {
		if (required(value, "repository")) {
			string(value, "repository", 2, 100, REPOSITORY_NAME);
		}
		return this;
	}

	RequestValidator format(@Nullable String value) {
		if (required(value, "format")) {
			oneOf(value, "format", Inventory.FORMATS);
		}
		return this;
	}

	RequestValidator endpointType(@Nullable String value) {
		if (value != null) {
			oneOf(value, "endpointType", ENDPOINT_TYPES);
		}
		return this;
	}

	RequestValidator durationSeconds(@Nullable String value) {
		if (value == null) {
			return this;
		}
		long seconds;
		try {
			seconds = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			this.violations.add(prefix(value, "durationSeconds") + "Member must be a number");
			return this;
		}
		if (seconds < 0) {
			this.violations.add(prefix(value, "durationSeconds") + "Member must have value greater than or equal to 0");
		}
		else if (seconds > MAX_DURATION) {
			this.violations
				.add(prefix(value, "durationSeconds") + "Member must have value less than or equal to " + MAX_DURATION);
		}
		else if (seconds != 0 && seconds < MIN_DURATION) {
			// Not in the model's min/max, but documented: 0, or 900 to 43200.
			this.violations.add(prefix(value, "durationSeconds") + "Member must be 0 or between " + MIN_DURATION
					+ " and " + MAX_DURATION);
		}
		return this;
	}

	/**
	 * Returns the error for the violations found so far.
	 * @return a {@code ValidationException} or {@code null} when everything is valid
	 */
	@Nullable ApiError toError() {
		if (this.violations.isEmpty()) {
			return null;
		}
		int count = this.violations.size();
		String message = count + " validation error" + ((count > 1) ? "s" : "") + " detected: "
				+ String.join("; ", this.violations);
		return ApiError.validation(message);
	}

	private boolean required(@Nullable String value, String member) {
		if (value == null) {
			this.violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
			return false;
		}
		return true;
	}

	private void string(String value, String member, int min, int max, Pattern pattern) {
		if (value.length() < min) {
			this.violations.add(prefix(value, member) + "Member must have length greater than or equal to " + min);
		}
		else if (value.length() > max) {
			this.violations.add(prefix(value, member) + "Member must have length less than or equal to " + max);
		}
		else if (!pattern.matcher(value).matches()) {
			this.violations.add(prefix(value, member) + "Member must satisfy regular expression pattern: " + pattern);
		}
	}

	private void oneOf(String value, String member, List<String> allowed) {
		if (!allowed.contains(value)) {
			this.violations.add(prefix(value, member) + "Member must satisfy enum value set: " + allowed);
		}
	}

	private static String prefix(String value, String member) {
		return "Value '" + value + "' at '" + member + "' failed to satisfy constraint: ";
	}

}

package io.github.codeartifact.token;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One line per credentials source from the message of an AWS SDK credentials chain that found
 * none ({@code Unable to load credentials from any of the providers in the chain ... : [Provider(...):
 * message, ...]}), instead of the chain's dump of every provider's configuration.
 */
final class CredentialsChainSummary {

	static final String CHAIN_FAILURE = "Unable to load credentials from any of the providers in the chain";

	/** Where one provider's entry starts in the list: its class name and its toString's parenthesis. */
	private static final Pattern NEXT_PROVIDER = Pattern.compile(", (?=[A-Z]\\w*Provider\\w*\\()");

	private CredentialsChainSummary() {
	}

	/**
	 * Summarizes the message of a chain that found no credentials.
	 * @param message the SDK's message
	 * @return one line per source, {@code "  - Provider: why"}, or {@code null} when the message is
	 * not a chain's
	 */
	static @Nullable String of(String message) {
		int start = message.indexOf(" : [");
		if (!message.startsWith(CHAIN_FAILURE) || start < 0 || !message.endsWith("]")) {
			return null;
		}
		String entries = message.substring(start + 4, message.length() - 1);
		return NEXT_PROVIDER.splitAsStream(entries).map(CredentialsChainSummary::line).collect(Collectors.joining("\n"));
	}

	private static String line(String entry) {
		int paren = entry.indexOf('(');
		int reason = entry.indexOf("): ");
		String source = (paren > 0) ? entry.substring(0, paren) : entry;
		String why = (reason > 0) ? entry.substring(reason + 3) : entry;
		return "  - " + source + ": " + why.strip();
	}

}

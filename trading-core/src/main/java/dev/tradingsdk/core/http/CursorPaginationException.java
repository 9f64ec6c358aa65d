package dev.tradingsdk.core.http;

/**
 * A cursor-paginated listing that cannot be walked to its end: the venue handed back a cursor it had already given
 * in the same walk (following it would loop forever), or the listing ran past the caller's page cap. Not
 * retryable: the same requests would give the same pages.
 */
public class CursorPaginationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public CursorPaginationException(String venue, String endpoint, String problem) {
        super(new ApiError(venue, "pagination", endpoint, 200, null, problem, null, false, null));
    }
}

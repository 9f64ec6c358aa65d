package dev.tradingsdk.llm;

/**
 * Whether the model must call a tool: {@code AUTO} (it decides), {@code ANY} (some tool), {@code NONE}, or one
 * named tool ({@link #tool(String)}), the classic way to force a structured answer from Anthropic models.
 */
public record ToolChoice(Kind kind, String toolName) {

    public enum Kind { AUTO, ANY, NONE, TOOL }

    public static final ToolChoice AUTO = new ToolChoice(Kind.AUTO, null);
    public static final ToolChoice ANY = new ToolChoice(Kind.ANY, null);
    public static final ToolChoice NONE = new ToolChoice(Kind.NONE, null);

    public ToolChoice {
        if (kind == null) {
            throw new IllegalArgumentException("tool choice kind must not be null");
        }
        if ((kind == Kind.TOOL) != (toolName != null)) {
            throw new IllegalArgumentException("a tool name is given exactly when the kind is TOOL: kind=" + kind
                + ", toolName=" + toolName);
        }
    }

    public static ToolChoice tool(String name) {
        return new ToolChoice(Kind.TOOL, name);
    }
}

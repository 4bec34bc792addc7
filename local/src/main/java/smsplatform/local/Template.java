package smsplatform.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as data: CloudFormation short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}…)
 * are read in their long form ({@code {"Ref": …}}), and intrinsic functions are resolved against
 * a {@link Resolver} that knows what the local stack created.
 */
public final class Template {

    private static final List<String> SHORT_FORMS = List.of("Ref", "GetAtt", "Sub", "Join", "Select", "Split",
            "If", "Equals", "Not", "And", "Or", "FindInMap", "ImportValue", "Base64", "GetAZs", "Condition");

    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    public static Template read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Template(parse(reader));
        }
    }

    /** The template with short-form tags expanded to their long form (also used to validate it). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(Reader reader) {
        return (Map<String, Object>) new Yaml(new IntrinsicConstructor()).load(reader);
    }

    public Map<String, Object> raw() {
        return root;
    }

    public Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    /** Logical ids of the resources of one type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public Map<String, Object> properties(String logicalId) {
        return map(map(resources().get(logicalId)).get("Properties"));
    }

    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        map(root.get("Parameters")).forEach((name, p) -> {
            Object value = map(p).get("Default");
            defaults.put(name, value == null ? "" : String.valueOf(value));
        });
        return defaults;
    }

    public Map<String, Object> globalsFunction() {
        return map(map(root.get("Globals")).get("Function"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * Resolves Ref, Fn::GetAtt, Fn::Sub (with its variable map), Fn::If and Fn::Select over Fn::Split; other
     * intrinsics are not used by this template.
     */
    public static final class Resolver {
        private final Function<String, String> ref;
        private final Function<String, String> getAtt;
        private final Predicate<String> condition;

        /**
         * {@code ref}: a parameter, pseudo parameter or logical id; {@code getAtt}: "LogicalId.Attribute";
         * {@code condition}: whether a condition of the template holds.
         */
        public Resolver(Function<String, String> ref, Function<String, String> getAtt,
                        Predicate<String> condition) {
            this.ref = ref;
            this.getAtt = getAtt;
            this.condition = condition;
        }

        public String resolve(Object value) {
            if (value == null) {
                return null;
            }
            if (!(value instanceof Map<?, ?> m)) {
                return String.valueOf(value);
            }
            if (m.containsKey("Ref")) {
                return ref.apply(String.valueOf(m.get("Ref")));
            }
            if (m.containsKey("Fn::GetAtt")) {
                Object target = m.get("Fn::GetAtt");
                String name = target instanceof List<?> l ? l.get(0) + "." + l.get(1) : String.valueOf(target);
                return getAtt.apply(name);
            }
            if (m.containsKey("Fn::Sub")) {
                Object sub = m.get("Fn::Sub");
                String text = sub instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(sub);
                Map<String, Object> variables = sub instanceof List<?> l && l.size() > 1 ? map(l.get(1)) : Map.of();
                Matcher matcher = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
                StringBuilder out = new StringBuilder();
                while (matcher.find()) {
                    String name = matcher.group(1);
                    String replacement = variables.containsKey(name) ? resolve(variables.get(name))
                            : name.contains(".") && !name.startsWith("AWS::") ? getAtt.apply(name) : ref.apply(name);
                    matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
                }
                matcher.appendTail(out);
                return out.toString();
            }
            if (m.containsKey("Fn::If")) {
                List<Object> args = list(m.get("Fn::If"));
                return resolve(condition.test(String.valueOf(args.get(0))) ? args.get(1) : args.get(2));
            }
            if (m.containsKey("Fn::Select")) {
                // Only the form the template uses: an element of Fn::Split.
                List<Object> args = list(m.get("Fn::Select"));
                List<Object> split = list(map(args.get(1)).get("Fn::Split"));
                if (split.isEmpty()) {
                    throw new IllegalArgumentException("Fn::Select is supported over Fn::Split only");
                }
                String[] parts = resolve(split.get(1)).split(Pattern.quote(String.valueOf(split.get(0))), -1);
                return parts[Integer.parseInt(resolve(args.get(0)))];
            }
            throw new IllegalArgumentException("Unsupported intrinsic function " + m.keySet());
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            for (String name : SHORT_FORMS) {
                String longForm = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                yamlConstructors.put(new Tag("!" + name), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value;
                        if (node instanceof ScalarNode scalar) {
                            String text = scalar.getValue();
                            value = name.equals("GetAtt") ? List.of(text.substring(0, text.indexOf('.')),
                                    text.substring(text.indexOf('.') + 1)) : text;
                        } else if (node instanceof SequenceNode sequence) {
                            value = constructSequence(sequence);
                        } else {
                            value = constructMapping((MappingNode) node);
                        }
                        return Map.of(longForm, value);
                    }
                });
            }
        }
    }
}

import { ChoiceSelect } from "@/components/options/ChoiceSelect";
import { useRef, useState, type FormEvent } from "react";
import {
  TEMPLATE_CHANNELS,
  TEMPLATE_SCENARIOS,
  TEMPLATE_SEGMENTS,
  type MessageTemplate,
  type TemplateScenario,
  type TemplateSegment,
} from "@/lib/templates/shipped";
import { t, type Locale } from "@/lib/i18n";
import {
  renderParts,
  renderTemplate,
  smsCheck,
  SMS_OPT_OUT,
  TEMPLATE_VARIABLES,
  unknownVariables,
  type TemplateValues,
  type TemplateVariable,
} from "@/lib/templates/render";
import { TEMPLATE_BODY_MAX, type TemplateEntry } from "@/lib/db/templates";

const VARIABLES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];
const LOCALES: Locale[] = ["zh", "en"];

/** What is wrong with a template draft, by field; empty when it can be saved. */
export function templateErrors(
  tpl: MessageTemplate,
  locale: Locale,
): { name?: string; body?: string } {
  const errors: { name?: string; body?: string } = {};
  if (!tpl.name.trim()) errors.name = t(locale, "tpl.err.name");
  const unknown = unknownVariables(tpl.body);
  if (!tpl.body.trim()) errors.body = t(locale, "tpl.err.body");
  else if (unknown.length)
    errors.body = t(locale, "tpl.err.unknown", {
      names: unknown.map((n) => `{{${n}}}`).join(locale === "zh" ? "、" : ", "),
    });
  else if (tpl.channel === "sms") {
    const check = smsCheck(tpl.body);
    const missing = [
      check.hasShop ? "" : t(locale, "tpl.sms.shop"),
      check.hasItem ? "" : t(locale, "tpl.sms.item"),
      check.hasTime ? "" : t(locale, "tpl.sms.time"),
      check.hasTechnique ? "" : t(locale, "tpl.sms.technique"),
    ].filter(Boolean);
    if (missing.length)
      errors.body = t(locale, "tpl.err.sms", {
        missing: missing.join(locale === "zh" ? "、" : ", "),
      });
  }
  return errors;
}

export interface TemplatesSectionProps {
  locale: Locale;
  /** The merged set (lib/templates-store.ts templateEntries): the seller's first, then shipped ones. */
  entries: readonly TemplateEntry[];
  /** Values of a sample order for the live preview, per buyer language. */
  sampleValues: Record<Locale, TemplateValues>;
  onSave(template: MessageTemplate): Promise<void>;
  /** Deletes a custom template, or an edit of a shipped one (restoring it). */
  onDelete(id: string): Promise<void>;
  /** An id for a new template. */
  newId(): string;
}

function SmsInfo({
  locale,
  body,
  rendered,
}: {
  locale: Locale;
  body: string;
  rendered: string;
}) {
  const check = smsCheck(body, rendered);
  const items: [string, boolean][] = [
    [t(locale, "tpl.sms.shop"), check.hasShop],
    [t(locale, "tpl.sms.item"), check.hasItem],
    [t(locale, "tpl.sms.time"), check.hasTime],
    [t(locale, "tpl.sms.technique"), check.hasTechnique],
    [t(locale, "tpl.sms.optOut"), check.hasOptOut],
  ];
  return (
    <div className="sms-check" data-testid="sms-check">
      <ul>
        {items.map(([label, ok]) => (
          <li key={label} className={ok ? "ok" : "missing"} data-ok={ok}>
            {ok ? "✓" : "✗"} {label}
          </li>
        ))}
      </ul>
      <p data-testid="sms-length">
        {t(locale, "tpl.sms.length", {
          length: check.length,
          segments: check.segments,
        })}
      </p>
      {!check.hasOptOut && (
        <p className="hint">
          {t(locale, "tpl.sms.optOutMissing", { text: SMS_OPT_OUT[locale] })}
        </p>
      )}
    </div>
  );
}

interface EditorProps {
  locale: Locale;
  initial: MessageTemplate;
  sampleValues: Record<Locale, TemplateValues>;
  onSave(template: MessageTemplate): Promise<void>;
  onCancel(): void;
}

function TemplateEditor({
  locale,
  initial,
  sampleValues,
  onSave,
  onCancel,
}: EditorProps) {
  const [tpl, setTpl] = useState<MessageTemplate>(initial);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState("");
  const body = useRef<HTMLTextAreaElement>(null);
  const set = (patch: Partial<MessageTemplate>) =>
    setTpl((x) => ({ ...x, ...patch }));
  const errors = templateErrors(tpl, locale);
  // Unknown variables are shown at once; other problems once the seller tried to save.
  const bodyError =
    unknownVariables(tpl.body).length || tried ? errors.body : undefined;
  const values = sampleValues[tpl.locale];
  const rendered = renderTemplate(tpl.body, values, tpl.locale).text;

  function insert(name: TemplateVariable) {
    const el = body.current;
    const token = `{{${name}}}`;
    const start = el?.selectionStart ?? tpl.body.length;
    const end = el?.selectionEnd ?? start;
    const next = tpl.body.slice(0, start) + token + tpl.body.slice(end);
    set({ body: next.slice(0, TEMPLATE_BODY_MAX) });
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    setTried(true);
    if (errors.name || errors.body) return;
    const clean: MessageTemplate = {
      ...tpl,
      name: tpl.name.trim(),
      body: tpl.body.trim(),
    };
    if (!clean.orderKind) delete clean.orderKind;
    try {
      await onSave(clean);
    } catch (error) {
      setStatus(
        t(locale, "options.saveFailed", {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }

  return (
    <form
      className="template-editor"
      aria-label={t(locale, "tpl.edit")}
      onSubmit={submit}
      noValidate
    >
      <label className="field">
        <span>{t(locale, "tpl.name")}</span>
        <input
          name="tpl-name"
          maxLength={60}
          value={tpl.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </label>
      {tried && errors.name && (
        <span className="field-error" role="alert">
          {errors.name}
        </span>
      )}
      <div className="row">
        <label>
          <span>{t(locale, "tpl.scenario")}</span>
          <ChoiceSelect
            name="tpl-scenario"
            value={tpl.scenario}
            choices={TEMPLATE_SCENARIOS}
            label={(c) => t(locale, `scenario.${c}`)}
            onChange={(v) => set({ scenario: v })}
          />
        </label>
        <label>
          <span>{t(locale, "tpl.segment")}</span>
          <ChoiceSelect
            name="tpl-segment"
            value={tpl.segment}
            choices={TEMPLATE_SEGMENTS}
            label={(c) => t(locale, `segment.${c}`)}
            onChange={(v) => set({ segment: v })}
          />
        </label>
        <label>
          <span>{t(locale, "tpl.channel")}</span>
          <ChoiceSelect
            name="tpl-channel"
            value={tpl.channel}
            choices={TEMPLATE_CHANNELS}
            label={(c) => t(locale, `channel.${c}`)}
            onChange={(v) => set({ channel: v })}
          />
        </label>
        <label>
          <span>{t(locale, "tpl.orderKind")}</span>
          <select
            name="tpl-kind"
            value={tpl.orderKind ?? ""}
            onChange={(e) =>
              set({
                orderKind: (e.target.value ||
                  undefined) as MessageTemplate["orderKind"],
              })
            }
          >
            <option value="">{t(locale, "tpl.orderKind.any")}</option>
            <option value="consulted">
              {t(locale, "tpl.orderKind.consulted")}
            </option>
            <option value="silent">{t(locale, "tpl.orderKind.silent")}</option>
          </select>
        </label>
        <label>
          <span>{t(locale, "tpl.locale")}</span>
          <select
            name="tpl-locale"
            value={tpl.locale}
            onChange={(e) => set({ locale: e.target.value as Locale })}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(locale, `locale.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className="chips"
        role="group"
        aria-label={t(locale, "tpl.variables")}
      >
        <span>{t(locale, "tpl.variables")}</span>
        {VARIABLES.map((name) => (
          <button
            type="button"
            className="chip"
            key={name}
            data-variable={name}
            onClick={() => insert(name)}
          >
            {TEMPLATE_VARIABLES[name][locale]}
          </button>
        ))}
      </div>
      <label className="field body">
        <span>{t(locale, "tpl.body")}</span>
        <textarea
          ref={body}
          name="tpl-body"
          rows={5}
          maxLength={TEMPLATE_BODY_MAX}
          value={tpl.body}
          aria-invalid={bodyError ? true : undefined}
          onChange={(e) => set({ body: e.target.value })}
        />
      </label>
      {bodyError && (
        <span className="field-error" role="alert">
          {bodyError}
        </span>
      )}
      {tpl.channel === "sms" && (
        <SmsInfo locale={locale} body={tpl.body} rendered={rendered} />
      )}
      <div className="preview" aria-label={t(locale, "tpl.preview")}>
        <h4>{t(locale, "tpl.preview")}</h4>
        <p data-testid="tpl-preview">
          {renderParts(tpl.body, values, tpl.locale).map((part, i) =>
            part.missing ? (
              <mark key={i} data-missing={part.missing}>
                {part.text}
              </mark>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
      </div>
      <div className="actions">
        <button type="submit">{t(locale, "tpl.save")}</button>
        <button type="button" onClick={onCancel}>
          {t(locale, "tpl.cancel")}
        </button>
      </div>
      {status && <p className="status error">{status}</p>}
    </form>
  );
}

/** The template list, filtered by scenario and segment, with an editor for one template at a time. */
export function TemplatesSection({
  locale,
  entries,
  sampleValues,
  onSave,
  onDelete,
  newId,
}: TemplatesSectionProps) {
  const [scenario, setScenario] = useState<TemplateScenario | "">("");
  const [segment, setSegment] = useState<TemplateSegment | "">("");
  const [editing, setEditing] = useState<MessageTemplate | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({
    text: "",
  });

  const shown = entries.filter(
    (e) =>
      (!scenario || e.template.scenario === scenario) &&
      (!segment || e.template.segment === segment),
  );
  const fail = (error: unknown) =>
    setStatus({
      text: t(locale, "options.saveFailed", {
        error: error instanceof Error ? error.message : String(error),
      }),
      error: true,
    });

  return (
    <section className="section" aria-label={t(locale, "options.templates")}>
      <h2>{t(locale, "options.templates")}</h2>
      <div className="row">
        <label>
          <span>{t(locale, "tpl.filterScenario")}</span>
          <select
            name="filter-scenario"
            value={scenario}
            onChange={(e) =>
              setScenario(e.target.value as TemplateScenario | "")
            }
          >
            <option value="">{t(locale, "tpl.all")}</option>
            {TEMPLATE_SCENARIOS.map((s) => (
              <option key={s} value={s}>
                {t(locale, `scenario.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t(locale, "tpl.filterSegment")}</span>
          <select
            name="filter-segment"
            value={segment}
            onChange={(e) => setSegment(e.target.value as TemplateSegment | "")}
          >
            <option value="">{t(locale, "tpl.all")}</option>
            {TEMPLATE_SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {t(locale, `segment.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="hint">
          {t(locale, "tpl.count", { n: shown.length })}
        </span>
        <button
          type="button"
          onClick={() => {
            setStatus({ text: "" });
            setEditing({
              id: newId(),
              scenario: scenario || "first",
              segment: segment || "any",
              channel: "chat",
              locale,
              name: "",
              body: "",
            });
          }}
        >
          {t(locale, "tpl.new")}
        </button>
      </div>

      {editing && (
        <TemplateEditor
          key={editing.id}
          locale={locale}
          initial={editing}
          sampleValues={sampleValues}
          onCancel={() => setEditing(undefined)}
          onSave={async (tpl) => {
            await onSave(tpl);
            setEditing(undefined);
            setStatus({ text: t(locale, "tpl.saved") });
          }}
        />
      )}

      {shown.length === 0 ? (
        <p>{t(locale, "tpl.empty")}</p>
      ) : (
        <ul className="templates">
          {shown.map(({ template: tpl, origin }) => (
            <li key={tpl.id} data-template={tpl.id} data-origin={origin}>
              <div className="template-head">
                <strong>{tpl.name}</strong>
                <span className="tag">
                  {t(locale, `scenario.${tpl.scenario}`)}
                </span>
                <span className="tag">
                  {t(locale, `segment.${tpl.segment}`)}
                </span>
                <span className="tag">
                  {t(locale, `channel.${tpl.channel}`)}
                </span>
                <span className="tag">{t(locale, `locale.${tpl.locale}`)}</span>
                <span className={`tag origin-${origin}`}>
                  {t(locale, `tpl.origin.${origin}`)}
                </span>
              </div>
              <p className="template-body">{tpl.body}</p>
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    setStatus({ text: "" });
                    setEditing({ ...tpl });
                  }}
                >
                  {t(locale, "tpl.edit")}
                </button>
                {origin !== "default" && (
                  <button
                    type="button"
                    className={
                      origin === "custom" ? "danger-button" : undefined
                    }
                    onClick={async () => {
                      try {
                        await onDelete(tpl.id);
                        if (editing?.id === tpl.id) setEditing(undefined);
                        setStatus({
                          text: t(
                            locale,
                            origin === "custom"
                              ? "tpl.deleted"
                              : "tpl.restored",
                          ),
                        });
                      } catch (error) {
                        fail(error);
                      }
                    }}
                  >
                    {t(
                      locale,
                      origin === "custom" ? "tpl.delete" : "tpl.restore",
                    )}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className={status.error ? "status error" : "status"}>
        {status.text}
      </p>
    </section>
  );
}

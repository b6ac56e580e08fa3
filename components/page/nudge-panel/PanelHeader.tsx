import { t, type Locale } from "@/lib/i18n";
import { trusted } from "@/components/shared/trusted-event";

/** The panel's title (whose order it is) and its close button. */
export function PanelHeader(props: {
  titleId: string;
  buyer: string | undefined;
  locale: Locale;
  onClose?: () => void;
}) {
  const { locale, onClose } = props;
  const buyer = props.buyer ?? t(locale, "unknown.buyer");
  return (
    <div className="pn-head">
      <h2 id={props.titleId}>{t(locale, "panel.title", { buyer })}</h2>
      {onClose && (
        <button
          type="button"
          onClick={trusted(() => onClose())}
          aria-label={t(locale, "panel.close")}
        >
          ×
        </button>
      )}
    </div>
  );
}

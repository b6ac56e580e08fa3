import { t, type Locale } from "@/lib/i18n";
import type { NudgeChannel } from "@/lib/model/steps";
import { trusted } from "@/components/shared/trusted-event";
import { CHANNELS } from "@/components/page/nudge-panel/panel-logic";

/** How the agent reached the buyer; the chosen template's channel until they say otherwise. */
export function ChannelPicker(props: {
  id: string;
  channel: NudgeChannel;
  locale: Locale;
  onChoose: (channel: NudgeChannel) => void;
}) {
  const { locale } = props;
  return (
    <div className="pn-section">
      <label className="pn-label" htmlFor={props.id}>
        {t(locale, "panel.channel")}
      </label>
      <select
        id={props.id}
        value={props.channel}
        onChange={trusted((e) =>
          props.onChoose(e.target.value as NudgeChannel),
        )}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(locale, `channel.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

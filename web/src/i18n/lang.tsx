import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

/** The console speaks Chinese by default; English is a switch, remembered per browser. */
export type Lang = "zh" | "en";

const LANG_KEY = "weiquan.lang";

function initialLang(): Lang {
  return localStorage.getItem(LANG_KEY) === "en" ? "en" : "zh";
}

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangContextValue>({ lang: "zh", setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext value={value}>{children}</LangContext>;
}

export function useLang(): LangContextValue {
  return useContext(LangContext);
}

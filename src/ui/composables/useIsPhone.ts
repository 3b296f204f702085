import { onBeforeUnmount, ref } from 'vue';

/** True on phone-width screens (≤ 768 px): menus become a drawer, tables become cards. */
export function useIsPhone() {
  const query = window.matchMedia('(max-width: 768px)');
  const isPhone = ref(query.matches);
  const update = () => (isPhone.value = query.matches);
  query.addEventListener('change', update);
  onBeforeUnmount(() => query.removeEventListener('change', update));
  return isPhone;
}
